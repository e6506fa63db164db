package nl.knooppunt.gateway.web;

import java.lang.reflect.Method;
import nl.knooppunt.gateway.security.AccessInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * MVC wiring: the access interceptor, query parameters bound to generated enums by their value
 * ({@code dreigingsniveau-5}), and the contract served as a static file for Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  private final AccessInterceptor access;

  public WebConfig(AccessInterceptor access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(access).addPathPatterns("/api/**");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/openapi/**").addResourceLocations("classpath:/openapi/");
  }

  @Override
  public void extendMessageConverters(
      java.util.List<org.springframework.http.converter.HttpMessageConverter<?>> converters) {
    StrictJson.apply(converters);
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverterFactory(new GeneratedEnumConverterFactory());
  }

  /** Binds a generated enum (with {@code fromValue}) from its JSON value, else by name. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final class GeneratedEnumConverterFactory implements ConverterFactory<String, Enum> {
    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
      return source -> {
        String value = source.trim();
        if (value.isEmpty()) {
          return null;
        }
        try {
          Method fromValue = targetType.getMethod("fromValue", String.class);
          return (T) fromValue.invoke(null, value);
        } catch (NoSuchMethodException e) {
          return (T) Enum.valueOf(targetType, value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("Unexpected value '" + value + "'", e.getCause());
        }
      };
    }
  }
}
