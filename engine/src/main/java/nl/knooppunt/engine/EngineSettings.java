package nl.knooppunt.engine;
public record EngineSettings(java.nio.file.Path dataDirectory, int grpcPort, int restPort, boolean clockControlEnabled) {}
