/**
 * The process catalogue: process ids, job types, message names, error codes, candidate groups and
 * variable records, declared once and used by workers and gateway.
 */
package nl.knooppunt.processes;
