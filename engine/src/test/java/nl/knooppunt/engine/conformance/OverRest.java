package nl.knooppunt.engine.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a conformance class with the Camunda client's defaults: REST preferred over gRPC, so every
 * command the client offers over REST (deploy, create, messages, signals, jobs, variables,
 * incidents) goes to the Orchestration Cluster REST API v2. A class without it runs over gRPC
 * ({@code preferRestOverGrpc(false)}). The REST variant of a class is a subclass of it, named
 * {@code ...OverRestIT}, so each scenario runs once per protocol.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface OverRest {}
