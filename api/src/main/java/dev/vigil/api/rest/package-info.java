/**
 * The REST API under {@code /api}. Resources are thin: they check roles, validate the request, call a
 * service and map entities to view records; entities never leave as JSON.
 */
package dev.vigil.api.rest;
