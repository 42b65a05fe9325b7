/**
 * The Quarkus service: REST and (later) CDS Hooks endpoints, persistence through Hibernate ORM, security,
 * the {@code vigil} command line, and the web UI's server. Algorithms live in the lower modules; this
 * module only wires them to HTTP, the database and the command line.
 */
package dev.vigil.api;
