package nl.knooppunt.directory;

import java.util.List;

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
   * The contact chain of an authority, in calling order (order 1, 2, …): normally its holder, the
   * holder's stand-in and the officer on duty of {@code desk}. Empty when the register has none.
   *
   * @param authorityCode e.g. {@code BM-GM0344}
   * @param authorityName e.g. "Burgemeester van Utrecht"
   * @param role what the authority is
   * @param desk the organisation whose officer on duty closes the chain
   */
  default List<ChainContact> chain(
      String authorityCode, String authorityName, AuthorityRole role, DutyDesk desk) {
    return List.of();
  }
}
