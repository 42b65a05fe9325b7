/** Typed configuration of the service. */
package dev.vigil.api.config;
