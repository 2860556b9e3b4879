package org.lectern.events.program;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A change whose {@link IfMatch} is null is made again, in a new transaction, when another
 * writer's change to the same event committed first; and any change the database rolled back to break
 * a deadlock is made again ({@link UnconditionalRetry}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface RetriedWithoutIfMatch {
}
