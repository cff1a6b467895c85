/** What every module may use: error codes and small value helpers. Kept deliberately small. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.featurecreep.shared;
