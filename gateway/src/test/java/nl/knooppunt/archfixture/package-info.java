/**
 * Test fixtures for the structure test: two packages that depend on each other, so the rule that
 * forbids cycles is seen to fail on one ({@code GatewayStructureTest}).
 */
package nl.knooppunt.archfixture;
