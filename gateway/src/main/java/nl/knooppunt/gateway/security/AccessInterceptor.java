package nl.knooppunt.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link AccessPolicy} for every API operation (the handler method name is the {@code
 * operationId}) and writes the audit line of every write: who, what, result.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

  private static final Logger AUDIT = LoggerFactory.getLogger("knooppunt.audit");

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !request.getRequestURI().startsWith("/api/")) {
      return true;
    }
    String operation = method.getMethod().getName();
    if (AccessPolicy.PUBLIC_OPERATIONS.contains(operation)) {
      return true;
    }
    Set<Rol> allowed =
        AccessPolicy.allowed(operation)
            .orElseThrow(
                () ->
                    new AccessDeniedException(
                        "operatie " + operation + " staat niet in het beleid"));
    KnooppuntUser user = CurrentUsers.current();
    if (!user.hasAny(allowed)) {
      throw new AccessDeniedException(
          "Rol " + user.roles() + " mag " + operation + " niet uitvoeren.");
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      return;
    }
    if (!request.getRequestURI().startsWith("/api/")) {
      return;
    }
    String user =
        request.getUserPrincipal() == null ? "anoniem" : request.getUserPrincipal().getName();
    String operation =
        handler instanceof HandlerMethod m ? m.getMethod().getName() : String.valueOf(handler);
    AUDIT.info(
        "user={} operation={} {} {} status={}",
        user,
        operation,
        request.getMethod(),
        request.getRequestURI(),
        response.getStatus());
  }
}
