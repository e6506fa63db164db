package nl.knooppunt.gateway;

/** Lets tests of other packages look at a page as a signed-in demo user. */
public final class PageClientAccess {

  private PageClientAccess() {}

  /** The body of the page as the user sees it. */
  public static String get(int port, String user, String path) {
    return PageClient.login(port, user).get(path).body();
  }
}
