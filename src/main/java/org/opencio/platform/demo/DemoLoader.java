package org.opencio.platform.demo;

import java.util.Comparator;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads every module's demo data at start-up when demo mode is on. */
@Component
@Order(20)
class DemoLoader implements ApplicationRunner {

    private final DemoSettings settings;
    private final List<DemoData> contributors;

    DemoLoader(DemoSettings settings, List<DemoData> contributors) {
        this.settings = settings;
        this.contributors = contributors;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled()) {
            return;
        }
        contributors.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(c -> c.load(settings));
    }
}
