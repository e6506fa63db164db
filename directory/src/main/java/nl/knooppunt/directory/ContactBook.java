package nl.knooppunt.directory;

/**
 * Where the contacts of an authority come from. Production plugs in the real contact register; the
 * embedded default uses {@link DemoContactBook}.
 */
public interface ContactBook {

  /** No contacts at all: for readers of the reference data only. */
  ContactBook WITHOUT_CONTACTS =
      new ContactBook() {
        @Override
        public Contact primary(String authorityCode, AuthorityRole role) {
          return null;
        }

        @Override
        public Contact fallback(String authorityCode, AuthorityRole role) {
          return null;
        }
      };

  Contact primary(String authorityCode, AuthorityRole role);

  Contact fallback(String authorityCode, AuthorityRole role);

  /**
   * The number the duty officer calls when an authority stays silent after its fallback contact (a
   * {@link Contact.Channel#TELEFOON} contact), or null when the register has none.
   */
  default Contact phone(String authorityCode, AuthorityRole role) {
    return null;
  }
}
