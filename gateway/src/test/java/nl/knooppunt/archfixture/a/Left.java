package nl.knooppunt.archfixture.a;

import nl.knooppunt.archfixture.b.Right;

/** Half of a planted package cycle: {@code a} uses {@code b}, which uses {@code a}. */
public class Left {

  /** The other half. */
  public Right right() {
    return new Right();
  }
}
