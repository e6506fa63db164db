package nl.knooppunt.directory;

import java.util.List;

/** An area names codes the directory does not know; the message lists them all. */
public final class UnknownAreaException extends IllegalArgumentException {

  private final List<String> unknownCodes;

  public UnknownAreaException(Area.Level level, List<String> unknownCodes) {
    super(
        unknownCodes.isEmpty()
            ? "the area names no " + level.name().toLowerCase(java.util.Locale.ROOT)
            : "unknown "
                + level.name().toLowerCase(java.util.Locale.ROOT)
                + " code(s): "
                + String.join(", ", unknownCodes));
    this.unknownCodes = List.copyOf(unknownCodes);
  }

  public List<String> unknownCodes() {
    return unknownCodes;
  }
}
