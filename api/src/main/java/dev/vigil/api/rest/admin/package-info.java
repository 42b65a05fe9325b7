/** Administration endpoints: users and their roles. */
package dev.vigil.api.rest.admin;
