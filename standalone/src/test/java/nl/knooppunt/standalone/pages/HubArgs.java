package nl.knooppunt.standalone.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Extra arguments for the hub of a {@link HubPages} class, e.g. the exercise environment. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface HubArgs {
  String[] value();
}
