package dev.vigil.api.cli;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import picocli.CommandLine;

/**
 * Lets picocli create commands as CDI beans, so commands can inject services. Classes that are not beans
 * (picocli's own converters, mixins) come from picocli's default factory.
 */
final class CdiCommandFactory implements CommandLine.IFactory {

    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    @Override
    public <K> K create(Class<K> type) throws Exception {
        InstanceHandle<K> bean = Arc.container().instance(type);
        return bean.isAvailable() ? bean.get() : fallback.create(type);
    }
}
