package nl.knooppunt.gateway.notification;

/** The ids of notices as the workers make them. */
public final class NoticeIds {

  private NoticeIds() {}

  /** Suffix of a notice sent again over the fallback contact (the workers' convention). */
  static final String FALLBACK_SUFFIX = "/fallback";

  /** The id of the notice itself, also for its resend over the fallback contact. */
  public static String primary(String id) {
    return id != null && id.endsWith(FALLBACK_SUFFIX)
        ? id.substring(0, id.length() - FALLBACK_SUFFIX.length())
        : id;
  }
}
