package nl.knooppunt.engine.conformance;

/** {@link ServiceTaskJobIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class ServiceTaskJobOverRestIT extends ServiceTaskJobIT {}
