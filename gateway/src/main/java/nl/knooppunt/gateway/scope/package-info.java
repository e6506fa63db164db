/**
 * Who may read what (issue 20 §1, docs/adr/0031): the crises a user may read ({@link
 * nl.knooppunt.gateway.scope.CrisisScope}, one SQL condition every list and lookup uses) and the
 * classified content a user may read ({@link nl.knooppunt.gateway.scope.Clearance}). Below the
 * features: they ask it, it knows none of them.
 */
package nl.knooppunt.gateway.scope;
