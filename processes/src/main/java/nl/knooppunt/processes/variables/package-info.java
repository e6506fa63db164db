/**
 * Typed shapes of the structured process variables (Java records, JSON field names = record
 * component names). Date-times are ISO 8601 strings (as FEEL and the Camunda client exchange them);
 * enums travel as their names. Type names are code and English ({@code ThreatLevelStart}); record
 * components and enum constants are the models' data and keep their Dutch names ({@code
 * voorgesteldEinde}, {@code AFKONDIGEN}).
 */
package nl.knooppunt.processes.variables;
