/**
 * Typed shapes of the structured process variables (Java records, JSON field names = record
 * component names). Date-times are ISO 8601 strings (as FEEL and the Camunda client exchange them);
 * enums travel as their names.
 */
package nl.knooppunt.processes.variabelen;
