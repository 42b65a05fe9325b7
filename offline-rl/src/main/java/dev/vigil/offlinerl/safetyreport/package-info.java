/**
 * Safety-constraint reports for trained policies: adapts a policy to the safety module's report builder and
 * fits the calibrated guardian the report judges recommendations with.
 */
package dev.vigil.offlinerl.safetyreport;
