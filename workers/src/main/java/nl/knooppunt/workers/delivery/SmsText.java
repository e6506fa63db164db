package nl.knooppunt.workers.delivery;

import java.text.Normalizer;

/**
 * The text of a notice by SMS, at most {@value #MAX_SEGMENTS} segments. A text in the GSM 03.38
 * alphabet (GSM-7) fits {@value #GSM_TWO_SEGMENTS} characters in two segments (153 each, a
 * character of the extension table such as {@code €} counting twice); a text with any other
 * character is sent as UCS-2 and fits only {@value #UCS2_TWO_SEGMENTS} (67 per segment). So the
 * middle of the message is written in GSM-7 (accents the alphabet lacks are dropped: "Súdwest-
 * Fryslân" becomes "Sudwest-Fryslan") and cut when it is too long; the start ({@code [OEFENING]}),
 * the personal link and the 24/7 number are never cut.
 */
public final class SmsText {

  public static final int MAX_SEGMENTS = 2;
  public static final int GSM_TWO_SEGMENTS = 2 * 153;
  public static final int UCS2_TWO_SEGMENTS = 2 * 67;

  /** The mark that starts an exercise SMS. */
  public static final String EXERCISE_PREFIX = "[OEFENING] ";

  /** What replaces the cut end of the middle. */
  static final String CUT = "...";

  /** GSM 03.38, the basic table. */
  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** GSM 03.38, the extension table: each takes an escape and the character (two septets). */
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  private SmsText() {}

  /**
   * The SMS: {@code [OEFENING] } in an exercise, the middle (what, area, until when, what is
   * expected), then {@code Bevestig: <link>} and the 24/7 number.
   */
  public static String compose(boolean exercise, String middle, String link, String hubNumber) {
    String start = exercise ? EXERCISE_PREFIX : "";
    String end = " Bevestig: " + link + " " + gsm(hubNumber == null ? "" : hubNumber.strip());
    int budget = GSM_TWO_SEGMENTS - septets(start) - septets(end);
    String text = gsm(middle == null ? "" : middle.strip().replaceAll("\\s+", " "));
    if (septets(text) > budget) {
      text = cut(text, budget - septets(CUT)) + CUT;
    }
    return start + text + end;
  }

  /** How many segments a text takes: 1 up to 160 GSM-7 (70 UCS-2) characters, else 153 (67). */
  public static int segments(String text) {
    if (isGsm(text)) {
      int n = septets(text);
      return n <= 160 ? 1 : (n + 152) / 153;
    }
    int n = text.length();
    return n <= 70 ? 1 : (n + 66) / 67;
  }

  /** Whether every character is in the GSM-7 alphabet (basic or extension table). */
  public static boolean isGsm(String text) {
    return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
  }

  /** The length in GSM-7 septets (an extension character counts twice). */
  public static int septets(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    }
    return n;
  }

  /** The text in GSM-7: accents the alphabet lacks dropped, anything else left a '?'. */
  static String gsm(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0) {
        out.append(c);
        continue;
      }
      String plain =
          Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      if (!plain.isEmpty() && isGsm(plain)) {
        out.append(plain);
      } else if (c == '–' || c == '—') {
        out.append('-');
      } else if (c == '‘' || c == '’') {
        out.append('\'');
      } else if (c == '“' || c == '”') {
        out.append('"');
      } else if (c == '\t') {
        out.append(' ');
      } else if (!Character.isLowSurrogate(c)) {
        out.append('?');
      }
    }
    return out.toString();
  }

  /** The longest start of the text within {@code septets}, cut at a word where there is one. */
  private static String cut(String text, int septets) {
    int n = 0;
    int end = 0;
    while (end < text.length()) {
      int w = GSM_EXTENSION.indexOf(text.charAt(end)) >= 0 ? 2 : 1;
      if (n + w > septets) {
        break;
      }
      n += w;
      end++;
    }
    int space = text.lastIndexOf(' ', end);
    String kept = space > end / 2 ? text.substring(0, space) : text.substring(0, end);
    return kept.stripTrailing();
  }
}
