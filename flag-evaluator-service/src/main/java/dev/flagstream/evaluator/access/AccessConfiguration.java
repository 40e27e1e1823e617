package dev.flagstream.evaluator.access;

import dev.flagstream.evaluator.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Wires the key check into Spring MVC: as a mapped interceptor, which every handler mapping picks
 * up (the management endpoints' too, which take no interceptors registered the usual way), and
 * {@link Caller} as a parameter controller methods may take.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration implements WebMvcConfigurer {

  @Bean
  MappedInterceptor keyCheck() {
    return new MappedInterceptor(null, new KeyCheck());
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgument());
  }

  private static final class CallerArgument implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
        MethodParameter parameter,
        @Nullable ModelAndViewContainer mav,
        NativeWebRequest request,
        @Nullable WebDataBinderFactory binders) {
      HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
      Caller caller = servlet == null ? null : KeyCheck.callerOf(servlet);
      if (caller == null) {
        throw Problems.of(
            HttpStatus.UNAUTHORIZED, "send an SDK key as Authorization: Bearer <key>");
      }
      return caller;
    }
  }
}
