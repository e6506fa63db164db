package nl.knooppunt.gateway.contact;

import nl.knooppunt.directory.Authority;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who maintains which chains of the contact register (need to know, docs/adr/0031 and 0035): the
 * beheerder every authority; a region user (Rol REGIO with its VR code) the authorities of its own
 * municipalities and of its own region; nobody else any.
 */
public final class ContactScope {

  private ContactScope() {}

  /** Whether the user works with the register at all. */
  public static boolean usesRegister(KnooppuntUser user) {
    return user.has(Rol.BEHEERDER) || (user.has(Rol.REGIO) && user.vrCode() != null);
  }

  /** Whether the user may see and change this authority's chain. */
  public static boolean mayManage(
      KnooppuntUser user, Authority authority, DirectoryAdapter directory) {
    if (user.has(Rol.BEHEERDER)) {
      return true;
    }
    if (!user.has(Rol.REGIO) || user.vrCode() == null) {
      return false;
    }
    return user.vrCode().equals(regionOf(authority, directory));
  }

  /** The region an authority belongs to (its municipality's or its own), or null. */
  public static String regionOf(Authority authority, DirectoryAdapter directory) {
    String area = authority.areaCode();
    if (area == null) {
      return null;
    }
    if (directory.regionExists(area)) {
      return area;
    }
    return directory.regionOfMunicipality(area).orElse(null);
  }

  /** Refuses (403) unless the user may change this authority's chain. */
  static void require(KnooppuntUser user, Authority authority, DirectoryAdapter directory) {
    if (!mayManage(user, authority, directory)) {
      throw new AccessDeniedException(
          "De contactketen van " + authority.name() + " is niet voor uw rol of regio.");
    }
  }

  /** Refuses (403) unless the user works with the register. */
  static void requireRegister(KnooppuntUser user) {
    if (!usesRegister(user)) {
      throw new AccessDeniedException("Het contactregister is niet voor uw rol.");
    }
  }
}
