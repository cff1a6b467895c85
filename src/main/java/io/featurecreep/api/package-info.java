/**
 * The GraphQL endpoint's common behaviour: who may call it, limits on what a request may cost, and how
 * refusals are reported (a message and a code, never a stack trace). The operations themselves live in
 * the feature modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package io.featurecreep.api;
