package dev.kassa.common.pg;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.util.Collection;

/**
 * Quarkus indexes the migrations of every configured location at build time and hands all of
 * them to each Flyway instance; this keeps only those of one location, so the shared schema and
 * the tenant schemas each get their own scripts.
 */
final class LocationResourceProvider implements ResourceProvider {
    private final ResourceProvider all;
    private final String location;

    LocationResourceProvider(ResourceProvider all, String location) {
        this.all = all;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    private boolean inLocation(LoadableResource r) {
        String path = r.getAbsolutePath().replace('\\', '/');
        return path.startsWith(location) || path.contains("/" + location);
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource r = all.getResource(name);
        return r != null && inLocation(r) ? r : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return all.getResources(prefix, suffixes).stream().filter(this::inLocation).toList();
    }
}
