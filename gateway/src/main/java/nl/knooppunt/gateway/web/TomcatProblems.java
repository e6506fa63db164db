package nl.knooppunt.gateway.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests the web server refuses before the application sees them (an encoded slash or NUL in the
 * path, a broken escape, a URL or header too long) are answered as {@code application/problem+json}
 * too, not with Tomcat's HTML error page; with the {@link ApiVersion} header.
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            for (Valve v : host.getPipeline().getValves()) {
              if (v instanceof ErrorReportValve && !(v instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(v);
              }
            }
            host.getPipeline().addValve(new ProblemReportValve());
          }
        });
  }

  /** Tomcat's error report as a problem (RFC 9457), without server details. */
  public static class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        // a request Tomcat refuses may be too broken to know its path (a request line longer than
        // the header limit): the header goes on every such answer, harmless on a page's
        response.setHeader(ApiVersion.HEADER, ApiVersion.version());
        Writer out = response.getReporter();
        if (out == null) {
          return;
        }
        String detail =
            status == 400
                ? "De server weigert dit verzoek: de URL of een header is ongeldig (bijvoorbeeld een"
                    + " gecodeerde / of een nulteken in het pad)."
                : "De server weigert dit verzoek.";
        out.write(
            "{\"type\":\""
                + Problems.type(status == 400 ? "ongeldige-invoer" : "http-" + status)
                + "\",\"title\":\""
                + (status == 400 ? "Ongeldige invoer" : "Geweigerd")
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
        response.finishResponse();
      } catch (IOException | IllegalStateException e) {
        // the client is gone; nothing to report to
      }
    }
  }
}
