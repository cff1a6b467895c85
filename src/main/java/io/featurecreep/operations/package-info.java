/**
 * What operators run the service with, beside its features: the Prometheus scrape endpoint behind its bearer token,
 * and a correlation id on every request's log lines. The metrics themselves are counted where they happen, in each
 * feature module; this module depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package io.featurecreep.operations;
