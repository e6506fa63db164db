package nl.knooppunt.directory;

/**
 * Where the contacts of an authority come from. Production plugs in the real contact register; the
 * embedded default uses {@link DemoContactBook}.
 */
public interface ContactBook {

  Contact primary(String authorityCode, AuthorityRole role);

  Contact fallback(String authorityCode, AuthorityRole role);
}
