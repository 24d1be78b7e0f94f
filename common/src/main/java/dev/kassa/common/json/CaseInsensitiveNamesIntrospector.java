package dev.kassa.common.json;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every property both its snake_case and its camelCase spelling as aliases, so that
 * request bodies are read in either style (Kugel's clients send both). Output naming is
 * untouched. Aliases are resolved once per type, so reading costs nothing extra.
 */
public class CaseInsensitiveNamesIntrospector extends NopAnnotationIntrospector {

    @Override
    public List<PropertyName> findPropertyAliases(Annotated member) {
        String name = javaName(member);
        if (name == null || name.isEmpty()) {
            return null;
        }
        List<PropertyName> aliases = new ArrayList<>(2);
        String snake = Names.snake(name);
        String camel = Names.camel(name);
        aliases.add(PropertyName.construct(snake));
        if (!camel.equals(snake)) {
            aliases.add(PropertyName.construct(camel));
        }
        return aliases;
    }

    private static String javaName(Annotated member) {
        if (member instanceof AnnotatedField field) {
            return field.getName();
        }
        if (member instanceof AnnotatedMethod method) {
            String n = method.getName();
            if (n.startsWith("set") && n.length() > 3) {
                return Character.toLowerCase(n.charAt(3)) + n.substring(4);
            }
            return n;
        }
        if (member instanceof AnnotatedParameter param) {
            Object owner = param.getOwner().getAnnotated();
            Executable executable = owner instanceof Constructor<?> c ? c : owner instanceof Method m ? m : null;
            if (executable != null && param.getIndex() < executable.getParameterCount()) {
                var p = executable.getParameters()[param.getIndex()];
                return p.isNamePresent() ? p.getName() : null;
            }
        }
        return null;
    }
}
