package dev.authschema.demo.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaInstallerTest {

    @Test
    void readsTheDataSourceThatThePersistenceUnitUses() {
        // The test class path holds the built (filtered) persistence.xml.
        assertThat(PersistenceUnitDataSource.jndiName(getClass().getClassLoader())).isEqualTo("jdbc/authschema");
    }
}
