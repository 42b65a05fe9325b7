/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): a status, a title, and a detail a
 * person can act on. Never a class name, a stack trace or patient data.
 */
package dev.vigil.api.rest.problem;
