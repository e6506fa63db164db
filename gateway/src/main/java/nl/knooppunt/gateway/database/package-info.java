/** What the gateway does while PostgreSQL is away (docs/adr/0039). */
package nl.knooppunt.gateway.database;
