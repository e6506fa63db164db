/**
 * What every part of the gateway's web side shares: problem responses for the API ({@link
 * nl.knooppunt.gateway.web.ProblemHandler}), MVC wiring, and the page helpers (the page model and
 * error page, live updates over server-sent events, times, words, the chosen world). The pages
 * themselves live with their feature, are marked {@link nl.knooppunt.gateway.web.Page} and call the
 * feature's application service, the same one as the REST controller.
 */
package nl.knooppunt.gateway.web;
