package dev.pltrack.llm;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The HTTP status an LLM client's exception carries, read through the accessor each client names
 * its own way: {@code statusCode()} (OpenAI's Java SDK, LangChain4j's {@code HttpException}),
 * {@code getStatusCode()} (Spring's REST client exceptions, as Spring AI 1.x uses them, answering an
 * {@code HttpStatusCode}) or {@code getRawStatusCode()}. Read reflectively: core knows none of them.
 */
final class CarriedHttpStatus {

    private static final int MAX_CAUSES = 10;

    private CarriedHttpStatus() {
    }

    /** The HTTP status of the first exception in the cause chain that carries one (400-599), else null. */
    static Integer of(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            Integer status = statusOfOne(current);
            if (status != null) {
                return status;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }

    private static Integer statusOfOne(Throwable error) {
        for (String name : new String[] {"statusCode", "getStatusCode", "getRawStatusCode"}) {
            try {
                Method method = publicMethod(error.getClass(), name);
                if (method == null) {
                    continue;
                }
                Integer status = asStatus(method.invoke(error));
                if (status != null) {
                    return status;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Not such an exception: try the next accessor.
            }
        }
        return null;
    }

    private static Integer asStatus(Object value) throws ReflectiveOperationException {
        if (value instanceof Integer number) {
            return inRange(number);
        }
        if (value != null) {
            // Spring's HttpStatusCode.value()
            Method valueMethod = publicMethod(value.getClass(), "value");
            if (valueMethod != null && valueMethod.invoke(value) instanceof Integer number) {
                return inRange(number);
            }
        }
        return null;
    }

    /** The no-argument method {@code name} as declared by a public class or interface of {@code type}, or null. */
    private static Method publicMethod(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            Method found = declaredPublic(current, name);
            if (found != null) {
                return found;
            }
            for (Class<?> face : current.getInterfaces()) {
                found = declaredPublic(face, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Method declaredPublic(Class<?> type, String name) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return null;
        }
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Integer inRange(int status) {
        return status >= 400 && status < 600 ? status : null;
    }
}
