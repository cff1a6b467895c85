/**
 * People and how they get in: accounts, sign-up under the organisation's policy, sign-in (password, OIDC, bearer
 * tokens) with its throttles, password resets, organisation admins and their audit log. Every other module asks
 * this one who the caller is and what they may do in the organisation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package io.featurecreep.identity;
