/**
 * Safety rule sets as versioned records: the shipped sets are registered at start-up, an edit publishes a new
 * version with who, when and why, old versions never change, and any two versions can be compared.
 */
package dev.vigil.api.rules;
