package nl.knooppunt.archfixture.b;

import nl.knooppunt.archfixture.a.Left;

/** Half of a planted package cycle: {@code b} uses {@code a}, which uses {@code b}. */
public class Right {

  /** The other half. */
  public Left left() {
    return new Left();
  }
}
