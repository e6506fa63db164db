package nl.knooppunt.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.Limits;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.grpc.GatewayService;
import nl.knooppunt.engine.grpc.VariableDocuments;
import nl.knooppunt.engine.runtime.EngineLoop;
import nl.knooppunt.engine.runtime.StateReader;

/**
 * The Orchestration Cluster REST API v2 of the embedded engine: user-task completion, assignment,
 * unassignment and update, the clock (pin/reset, only when enabled), topology, the reads (incident,
 * job, user-task search, process-instance get and search), and the commands the client sends over
 * REST with its defaults ({@link CommandResources}). Errors are {@code application/problem+json}.
 *
 * <p>Reads never touch the engine state from a REST thread: the request is parsed and validated
 * here, the filter runs as a query on the engine thread ({@link EngineLoop#query}, not journaled)
 * and returns immutable snapshots, and sorting, paging and JSON happen back on a REST thread. They
 * answer from the live state only (no history: resolved incidents and ended instances are gone).
 */
public final class RestServer implements AutoCloseable {

  private static final Pattern USER_TASK =
      Pattern.compile("^/v2/user-tasks/([^/]+)(/completion|/assignment|/assignee)?/?$");
  private static final Pattern PROCESS_INSTANCE =
      Pattern.compile("^/v2/process-instances/([^/]+)/?$");
  private static final ObjectMapper JSON = VariableDocuments.MAPPER;

  private final HttpServer server;
  private final ExecutorService executor;
  private final EngineLoop loop;
  private final boolean clockControlEnabled;
  private final int grpcPort;
  private final CommandResources commands;

  public RestServer(
      InetSocketAddress address, EngineLoop loop, boolean clockControlEnabled, int grpcPort)
      throws IOException {
    this.loop = loop;
    this.clockControlEnabled = clockControlEnabled;
    this.grpcPort = grpcPort;
    this.server = HttpServer.create(address, 128);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "knooppunt-engine-rest");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    this.commands = new CommandResources(loop, executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) {
    try {
      route(ex);
    } catch (EngineException e) {
      problem(ex, e);
    } catch (RuntimeException | IOException e) {
      problem(ex, 500, "Internal Server Error", String.valueOf(e.getMessage()));
    }
  }

  private void route(HttpExchange ex) throws IOException {
    if (ModificationResources.handle(ex, loop)) { // resource deletion, modification, migration
      return;
    }
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (method.equals("POST") && path.matches("^/v2/user-tasks/search/?$")) {
      searchUserTasks(ex);
      return;
    }
    Matcher m = USER_TASK.matcher(path);
    if (m.matches()) {
      long key = parseKey("user task", m.group(1));
      String sub = m.group(2) == null ? "" : m.group(2);
      switch (method + " " + sub) {
        case "POST /completion" -> completion(ex, key);
        case "POST /assignment" -> assignment(ex, key);
        case "DELETE /assignee" -> unassign(ex, key);
        case "PATCH " -> update(ex, key);
        default ->
            problem(
                ex,
                405,
                "Method Not Allowed",
                method + " " + path + " is not supported by the embedded engine");
      }
      return;
    }
    String route =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    if (commands.handle(ex, method, route)) {
      return;
    }
    switch (method + " " + route) {
      case "PUT /v2/clock" -> pinClock(ex);
      case "POST /v2/clock/reset" -> resetClock(ex);
      case "GET /v2/topology" -> topology(ex);
      case "POST /v2/incidents/search" -> searchIncidents(ex);
      case "POST /v2/process-instances/search" -> searchProcessInstances(ex);
      case "POST /v2/jobs/search" -> searchJobs(ex);
      default -> {
        Matcher pi = PROCESS_INSTANCE.matcher(path);
        if (pi.matches() && !pi.group(1).equals("search")) {
          if (method.equals("GET")) {
            getProcessInstance(ex, parseKey("process instance", pi.group(1)));
          } else {
            problem(
                ex,
                405,
                "Method Not Allowed",
                method + " " + path + " is not supported by the embedded engine");
          }
          return;
        }
        problem(
            ex,
            404,
            "Not Found",
            method
                + " "
                + path
                + " is not part of the REST API the embedded engine serves (engine/README.md,"
                + " REST)");
      }
    }
  }

  static long parseKey(String what, String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw EngineException.invalidArgument("The " + what + " key '" + s + "' is not a number");
    }
  }

  static JsonNode body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(Limits.MAX_REST_BODY_BYTES + 1);
      if (bytes.length > Limits.MAX_REST_BODY_BYTES) {
        drain(in);
        throw EngineException.invalidArgument(
            "The request body exceeds the embedded engine's limit of "
                + Limits.MAX_REST_BODY_BYTES
                + " bytes");
      }
      if (bytes.length == 0) {
        return JSON.createObjectNode();
      }
      try {
        JsonNode node = JSON.readTree(bytes);
        if (node == null || node.isNull()) {
          return JSON.createObjectNode();
        }
        if (!node.isObject()) {
          throw EngineException.invalidArgument("Expected the request body to be a JSON object");
        }
        return node;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw EngineException.invalidArgument(
            "The request body is not valid JSON: " + e.getOriginalMessage());
      }
    }
  }

  /**
   * Reads and drops the rest of a body that is too large (up to 64 MiB), so the client reads the
   * problem answer instead of a reset connection.
   */
  static void drain(InputStream in) throws IOException {
    long left = 64L * 1024 * 1024;
    byte[] buffer = new byte[64 * 1024];
    int n;
    while (left > 0 && (n = in.read(buffer)) > 0) {
      left -= n;
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> objectField(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!n.isObject()) {
      throw EngineException.invalidArgument(
          "Property '"
              + field
              + "' is invalid: Expected document to be a root level object, but was '"
              + n.getNodeType()
              + "'");
    }
    return JSON.convertValue(n, LinkedHashMap.class);
  }

  private void deferred(HttpExchange ex, java.util.function.LongFunction<Command> command) {
    EngineLoop.Callback answer =
        (result, error) -> {
          if (error != null) {
            problem(ex, error);
          } else {
            noContent(ex);
          }
        };
    long requestId = loop.newRequestId(answer);
    loop.submit(
        command.apply(requestId),
        (result, error) -> {
          if (error != null) {
            loop.forgetRequest(requestId);
            problem(ex, error);
          }
        });
  }

  private void completion(HttpExchange ex, long key) throws IOException {
    JsonNode body = body(ex);
    Map<String, Object> variables = objectField(body, "variables");
    String action = text(body, "action");
    deferred(ex, id -> new Command.CompleteUserTask(key, variables, action, id));
  }

  private void assignment(HttpExchange ex, long key) throws IOException {
    JsonNode body = body(ex);
    String assignee = text(body, "assignee");
    if (assignee == null || assignee.isEmpty()) {
      throw EngineException.invalidArgument("No assignee provided");
    }
    JsonNode override = body.get("allowOverride");
    boolean allowOverride = override == null || override.isNull() || override.asBoolean();
    String action = text(body, "action");
    deferred(ex, id -> new Command.AssignUserTask(key, assignee, allowOverride, action, id));
  }

  private void unassign(HttpExchange ex, long key) throws IOException {
    body(ex);
    deferred(ex, id -> new Command.AssignUserTask(key, "", true, "unassign", id));
  }

  private void update(HttpExchange ex, long key) throws IOException {
    JsonNode body = body(ex);
    Map<String, Object> changeset = objectField(body, "changeset");
    changeset.values().removeIf(java.util.Objects::isNull);
    String action = text(body, "action");
    deferred(ex, id -> new Command.UpdateUserTask(key, changeset, action, id));
  }

  private void pinClock(HttpExchange ex) throws IOException {
    JsonNode body = body(ex);
    requireClockControl();
    JsonNode ts = body.get("timestamp");
    if (ts == null || !ts.canConvertToLong() || ts.asLong() < 0) {
      throw EngineException.invalidArgument(
          "Expected a non-negative 'timestamp' (epoch milliseconds) to pin the clock");
    }
    loop.submit(new Command.PinClock(ts.asLong()), this.simple(ex));
  }

  private void resetClock(HttpExchange ex) throws IOException {
    body(ex);
    requireClockControl();
    loop.submit(new Command.ResetClock(), this.simple(ex));
  }

  private void requireClockControl() {
    if (!clockControlEnabled) {
      throw new EngineException(
          EngineException.Reason.FORBIDDEN,
          "Clock control is disabled: the embedded engine only pins or resets its clock when"
              + " started with clockControlEnabled=true (EngineSettings), never in a normal run");
    }
  }

  private EngineLoop.Callback simple(HttpExchange ex) {
    return (result, error) -> {
      if (error != null) {
        problem(ex, error);
      } else {
        noContent(ex);
      }
    };
  }

  private void topology(HttpExchange ex) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode broker = root.putArray("brokers").addObject();
    broker.put("nodeId", 0);
    broker.put("host", "localhost");
    broker.put("port", grpcPort);
    broker.put("version", GatewayService.VERSION);
    ObjectNode partition = broker.putArray("partitions").addObject();
    partition.put("partitionId", 1);
    partition.put("role", "leader");
    partition.put("health", "healthy");
    root.put("clusterSize", 1);
    root.put("partitionsCount", 1);
    root.put("replicationFactor", 1);
    root.put("gatewayVersion", GatewayService.VERSION);
    send(ex, 200, "application/json", root.toString());
  }

  // ---- reads (answered from the engine thread's snapshots) ----------------------------------

  private void searchIncidents(HttpExchange ex) throws IOException {
    Search.Request<StateReader.IncidentSnapshot> request =
        Search.parse(body(ex), SearchResources.INCIDENTS);
    loop.query(
        reader -> reader.incidents(request.filter()),
        answerOnRestThread(
            ex,
            result ->
                Search.answer(
                    snapshots(result),
                    request,
                    SearchResources.INCIDENTS,
                    SearchResources::incident)));
  }

  private void searchProcessInstances(HttpExchange ex) throws IOException {
    Search.Request<StateReader.ProcessInstanceSnapshot> request =
        Search.parse(body(ex), SearchResources.PROCESS_INSTANCES);
    loop.query(
        reader -> reader.processInstances(request.filter()),
        answerOnRestThread(
            ex,
            result ->
                Search.answer(
                    snapshots(result),
                    request,
                    SearchResources.PROCESS_INSTANCES,
                    SearchResources::processInstance)));
  }

  private void searchJobs(HttpExchange ex) throws IOException {
    Search.Request<StateReader.JobSnapshot> request = Search.parse(body(ex), SearchResources.JOBS);
    loop.query(
        reader -> reader.jobs(request.filter()),
        answerOnRestThread(
            ex,
            result ->
                Search.answer(
                    snapshots(result), request, SearchResources.JOBS, SearchResources::job)));
  }

  private void searchUserTasks(HttpExchange ex) throws IOException {
    Search.Request<StateReader.UserTaskSnapshot> request =
        Search.parse(body(ex), SearchResources.USER_TASKS);
    loop.query(
        reader -> reader.userTasks(request.filter()),
        answerOnRestThread(
            ex,
            result ->
                Search.answer(
                    snapshots(result),
                    request,
                    SearchResources.USER_TASKS,
                    SearchResources::userTask)));
  }

  private void getProcessInstance(HttpExchange ex, long key) {
    loop.query(
        reader ->
            reader
                .processInstance(key)
                .orElseThrow(
                    () ->
                        EngineException.notFound(
                            "Process instance with key '"
                                + key
                                + "' not found (the embedded engine keeps no history: a"
                                + " completed or terminated instance is not found)")),
        answerOnRestThread(
            ex,
            result ->
                SearchResources.processInstance((StateReader.ProcessInstanceSnapshot) result)));
  }

  @SuppressWarnings("unchecked")
  private static <T> java.util.List<T> snapshots(Object result) {
    return (java.util.List<T>) result;
  }

  /**
   * The loop answers on its own thread after the batch is durable; the JSON is built on a REST
   * thread so sorting and serialization never hold up the engine.
   */
  private EngineLoop.Callback answerOnRestThread(
      HttpExchange ex, java.util.function.Function<Object, ObjectNode> render) {
    return (result, error) -> {
      Runnable respond =
          () -> {
            if (error != null) {
              problem(ex, error);
              return;
            }
            try {
              send(ex, 200, "application/json", render.apply(result).toString());
            } catch (EngineException e) {
              problem(ex, e);
            } catch (RuntimeException e) {
              problem(ex, 500, "INTERNAL", String.valueOf(e.getMessage()));
            }
          };
      try {
        executor.execute(respond);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        ex.close(); // the server is stopping
      }
    };
  }

  // ---- responses ----------------------------------------------------------------------------

  static void noContent(HttpExchange ex) {
    try {
      ex.sendResponseHeaders(204, -1);
    } catch (IOException e) {
      // client gone
    } finally {
      ex.close();
    }
  }

  static void problem(HttpExchange ex, EngineException e) {
    int status =
        switch (e.reason()) {
          case NOT_FOUND -> 404;
          case INVALID_ARGUMENT -> 400;
          case INVALID_STATE, FAILED_PRECONDITION, ALREADY_EXISTS -> 409;
          // as Camunda: backpressure is 503 titled RESOURCE_EXHAUSTED
          case RESOURCE_EXHAUSTED -> 503;
          case FORBIDDEN -> 403;
          case UNAVAILABLE -> 503;
          case INTERNAL -> 500;
        };
    String title =
        switch (e.reason()) {
          case INVALID_STATE -> "INVALID_STATE";
          case NOT_FOUND -> "NOT_FOUND";
          case INVALID_ARGUMENT -> "INVALID_ARGUMENT";
          case ALREADY_EXISTS -> "ALREADY_EXISTS";
          // Camunda's rejection type; its gRPC gateway maps INVALID_STATE to FAILED_PRECONDITION
          case FAILED_PRECONDITION -> "INVALID_STATE";
          case RESOURCE_EXHAUSTED -> "RESOURCE_EXHAUSTED";
          case FORBIDDEN -> "FORBIDDEN";
          case UNAVAILABLE -> "UNAVAILABLE";
          case INTERNAL -> "INTERNAL";
        };
    problem(ex, status, title, e.getMessage());
  }

  static void problem(HttpExchange ex, int status, String title, String detail) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "about:blank");
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", ex.getRequestURI().getPath());
    send(ex, status, "application/problem+json", p.toString());
  }

  static void send(HttpExchange ex, int status, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      ex.getResponseHeaders().set("Content-Type", contentType);
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // client gone
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
