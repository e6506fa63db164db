/**
 * The web pages: server-rendered (Thymeleaf) with htmx for partial updates and server-sent events
 * ({@link nl.knooppunt.gateway.pages.LiveUpdates}) so no page needs a reload. Pages ask {@link
 * nl.knooppunt.gateway.security.AccessPolicy} the same question as the API and read through the
 * same read model; they never talk to the engine other than through the API controllers.
 */
package nl.knooppunt.gateway.pages;
