package org.councilflow.workflow.internal;

import java.beans.FeatureDescriptor;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.flowable.common.engine.impl.el.DefaultExpressionManager;
import org.flowable.common.engine.impl.javax.el.ELContext;
import org.flowable.common.engine.impl.javax.el.ELException;
import org.flowable.common.engine.impl.javax.el.ELResolver;
import org.flowable.dmn.spring.SpringDmnEngineConfiguration;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an expression in a process or decision can reach. By default Flowable's Spring engines resolve every bean of
 * the application context by name and call any public method of any object an expression holds (reflection
 * included: {@code ''.getClass().forName(…)}). Here the process engine sees only the beans the shared cycle calls,
 * the DMN engine none, and a method or property of any other object is refused before Flowable's bean resolver
 * would reach it. Variables, literals, comparisons and Flowable's functions still work.
 */
@Configuration(proxyBeanMethods = false)
class EngineExpressions {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> processExpressionBeans(CycleServiceLevels cycleServiceLevels,
            CycleNotices cycleNotices) {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("cycleServiceLevels", cycleServiceLevels);
        beans.put("cycleNotices", cycleNotices);
        return configuration -> {
            configuration.setBeans(Collections.unmodifiableMap(beans));
            configuration.addPreBeanELResolver(new OnlyTheseObjects(beans.values()));
        };
    }

    @Bean
    EngineConfigurationConfigurer<SpringDmnEngineConfiguration> decisionExpressionBeans() {
        return configuration -> {
            configuration.setBeans(Map.of());
            configuration.addExpressionManagerConfigurer(manager -> {
                if (!(manager instanceof DefaultExpressionManager expressions)) {
                    throw new IllegalStateException("Unexpected DMN expression manager " + manager.getClass()
                            + "; cannot restrict what its expressions reach");
                }
                expressions.addPreBeanResolver(new OnlyTheseObjects(Set.of()));
            });
        };
    }

    /** Refuses properties and methods of every object but the given ones (compared by identity). */
    static final class OnlyTheseObjects extends ELResolver {

        private final Set<Object> allowed = Collections.newSetFromMap(new IdentityHashMap<>());

        OnlyTheseObjects(Collection<Object> allowed) {
            this.allowed.addAll(allowed);
        }

        private void check(Object base, Object member) {
            if (base != null && !allowed.contains(base)) {
                throw new ELException("'" + member + "' of " + base.getClass().getSimpleName()
                        + " is not available in expressions");
            }
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            check(base, method);
            return null;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            check(base, property);
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            check(base, property);
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            check(base, property);
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            check(base, property);
            return false;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }
    }
}
