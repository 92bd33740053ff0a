package dev.migsafe.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;
import dev.migsafe.config.ProjectConfig;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.DirectoryTree;

/** Java (and XML, SQL) in, uses out: what the older release's code is found to use, and where. */
class AppReaderTest {
    @TempDir
    Path dir;

    @Test
    void jpaMappingsWithSpringNaming() throws IOException {
        write("src/main/java/shop/Base.java", """
                package shop;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Base {
                    @Id Long id;
                    java.time.Instant createdAt;
                }
                """);
        write("src/main/java/shop/Address.java", """
                package shop;
                import jakarta.persistence.*;
                @Embeddable
                public class Address {
                    String street;
                    String zipCode;
                }
                """);
        write("src/main/java/shop/Customer.java", """
                package shop;
                import jakarta.persistence.*;
                import java.util.*;
                @Entity
                @Table(name = "customers")
                @SecondaryTable(name = "customer_details")
                public class Customer extends Base {
                    @Column(name = "name") String name;
                    String firstName;
                    @Transient String display;
                    static final String NOT_A_COLUMN = "x";
                    @Embedded
                    @AttributeOverride(name = "street", column = @Column(name = "home_street"))
                    Address address;
                    @ManyToOne Customer referrer;
                    @ManyToMany @JoinTable(name = "customer_tags", joinColumns = @JoinColumn(name = "customer_id"),
                        inverseJoinColumns = @JoinColumn(name = "tag_id")) Set<Tag> tags;
                    @ElementCollection @CollectionTable(name = "customer_phones") @Column(name = "phone") List<String> phones;
                    @OneToMany(mappedBy = "customer") List<Order> orders;
                    @Column(table = "customer_details") String notes;
                }
                """);
        write("src/main/java/shop/Tag.java", """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Tag { @Id Long id; String label; }
                """);
        write("src/main/java/shop/Animal.java", """
                package shop;
                import jakarta.persistence.*;
                @Entity @Table(name = "animals") public class Animal { @Id Long id; }
                """);
        write("src/main/java/shop/Dog.java", """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Dog extends Animal { boolean goodBoy; }
                """);
        write("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql:shop\n");

        AppUses uses = read();
        assertEquals(Set.of("customers.id", "customers.created_at", "customers.name", "customers.first_name",
                        "customers.home_street", "customers.zip_code", "customers.referrer_id"),
                columns(uses, "customers"));
        assertEquals(Set.of("customer_details.notes", "customer_details.id"), columns(uses, "customer_details"));
        assertEquals(Set.of("customer_tags.customer_id", "customer_tags.tag_id"), columns(uses, "customer_tags"));
        assertEquals(Set.of("customer_phones.customer_id", "customer_phones.phone"), columns(uses, "customer_phones"));
        assertEquals(Set.of("tag.id", "tag.label"), columns(uses, "tag"));
        // SINGLE_TABLE (the default): the subclass's columns are in the root's table
        assertEquals(Set.of("animals.id", "animals.good_boy"), columns(uses, "animals"));
        assertEquals(4, uses.entities());
        Use name = uses.ofColumn("customers", "name").get(0);
        assertEquals("src/main/java/shop/Customer.java", name.file());
        assertEquals(8, name.line());
        assertEquals("@Column(name = \"name\") String name", name.text());
        assertTrue(uses.ofColumn("customers", "display").isEmpty());
    }

    @Test
    void ormXmlMappingsAreReadWithTheProjectsNaming() throws IOException {
        write("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql:shop\n");
        write("src/main/resources/META-INF/orm.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
                  <entity class="shop.Customer">
                    <table name="customers" schema="sales"/>
                    <attributes>
                      <id name="id"/>
                      <basic name="fullName"><column name="full_name"/></basic>
                      <basic name="createdAt"/>
                      <many-to-one name="referrer"/>
                      <element-collection name="phones">
                        <column name="phone"/>
                        <collection-table name="customer_phones"/>
                      </element-collection>
                      <transient name="displayName"/>
                    </attributes>
                  </entity>
                  <entity class="shop.OrderLine"/>
                </entity-mappings>
                """);

        AppUses uses = read();
        assertEquals(Set.of("sales.customers.id", "sales.customers.full_name", "sales.customers.created_at",
                "sales.customers.referrer_id"), columns(uses, "sales.customers"));
        assertEquals(Set.of("customer_phones.phone"), columns(uses, "customer_phones"));
        assertFalse(uses.ofTable("order_line", false).isEmpty(), "an entity without a table element: its class name");
        assertTrue(uses.uses().stream().noneMatch(u -> "display_name".equals(u.column())), "transient maps nothing");
        assertEquals(2, uses.entities());
        Use name = uses.ofColumn("sales.customers", "full_name").get(0);
        assertEquals("src/main/resources/META-INF/orm.xml", name.file());
        assertEquals(7, name.line());
        assertEquals("<basic name=\"fullName\">", name.text());
    }

    @Test
    void anOrmXmlWithADoctypeIsListedNotRead() throws IOException {
        write("src/main/resources/META-INF/orm.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE entity-mappings [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <entity-mappings><entity class="a.B"><table name="&x;"/></entity></entity-mappings>
                """);
        AppUses uses = read();
        assertTrue(uses.uses().stream().noneMatch(u -> u.table().contains("root")), uses.uses()::toString);
    }

    @Test
    void hibernateNamingKeepsNamesAsWritten() throws IOException {
        write("src/main/java/a/Item.java", """
                package a;
                import javax.persistence.*;
                @Entity public class OrderItem { @Id Long id; String unitPrice; }
                """);
        write("migsafe-not-read.txt", "");
        AppUses hibernate = new AppReader(Dialect.POSTGRESQL).read(new DirectoryTree(dir, dir), "v1",
                new ProjectConfig.App(List.of(), "hibernate"), Set.of());
        assertEquals(Set.of("orderitem.id", "orderitem.unitprice"), columns(hibernate, "orderitem"));
        AppUses spring = new AppReader(Dialect.POSTGRESQL).read(new DirectoryTree(dir, dir), "v1",
                new ProjectConfig.App(List.of(), "spring"), Set.of());
        assertEquals(Set.of("order_item.id", "order_item.unit_price"), columns(spring, "order_item"));
    }

    @Test
    void springDataJdbcAggregate() throws IOException {
        write("src/main/java/a/Account.java", """
                package a;
                import org.springframework.data.annotation.Id;
                import org.springframework.data.relational.core.mapping.Column;
                import org.springframework.data.relational.core.mapping.Table;
                @Table("accounts")
                public class Account { @Id Long id; @Column("owner") String ownerName; String openedOn; }
                """);
        assertEquals(Set.of("accounts.id", "accounts.owner", "accounts.opened_on"), columns(read(), "accounts"));
    }

    @Test
    void sqlCarriedInCodeIsReadWithConstantsFolded() throws IOException {
        write("src/main/java/a/UserDao.java", """
                package a;
                import org.springframework.jdbc.core.JdbcTemplate;
                class UserDao {
                    private static final String COLUMNS = "id, email";
                    private final JdbcTemplate jdbc;
                    UserDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                    Object find(long id) {
                        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM users WHERE id = ?", Object.class, id);
                    }
                    void rename(String sql) {
                        jdbc.update("UPDATE users SET nick = ? WHERE id = ?", "x", 1);
                    }
                    void dynamic(String table) {
                        jdbc.queryForList("SELECT * FROM " + table);
                    }
                }
                """);
        write("src/main/java/a/UserMapper.java", """
                package a;
                import org.apache.ibatis.annotations.Select;
                interface UserMapper {
                    @Select({"SELECT phone", "FROM contacts WHERE user_id = #{id}"})
                    String phone(long id);
                }
                """);
        write("src/main/resources/mappers/OrderMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <mapper namespace="a.OrderMapper">
                  <select id="total">
                    SELECT sum(amount) FROM orders WHERE customer_id = #{id}
                  </select>
                </mapper>
                """);
        write("src/main/resources/reports/monthly.sql", "SELECT region, revenue FROM monthly_sales;\n");
        write("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE never_read (id int);\n");

        AppUses uses = read();
        assertEquals(Set.of("users.id", "users.email"), columns(uses, "users").stream()
                .filter(c -> !c.equals("users.nick")).collect(Collectors.toSet()));
        Use update = uses.ofColumn("users", "nick").get(0);
        assertEquals(Use.SQL_STRING, update.kind());
        assertEquals(11, update.line());
        assertTrue(update.writes());
        assertEquals(Set.of("contacts.phone", "contacts.user_id"), columns(uses, "contacts"));
        assertEquals(Use.MYBATIS, uses.ofTable("contacts", false).get(0).kind());
        assertEquals(Set.of("orders.amount", "orders.customer_id"), columns(uses, "orders"));
        assertEquals(4, uses.ofTable("orders", false).get(0).line()); // the SELECT's line
        assertEquals(Set.of("monthly_sales.region", "monthly_sales.revenue"), columns(uses, "monthly_sales"));
        assertTrue(uses.ofTable("never_read", false).isEmpty(), "migrations are not the app's SQL");
        // SQL built at run time: counted and listed with what is known of it
        assertEquals(1, uses.unresolved().size(), uses.unresolved()::toString);
        Unresolved dynamic = uses.unresolved().get(0);
        assertEquals(14, dynamic.line());
        assertEquals("SELECT * FROM", dynamic.text());
        assertEquals(5, uses.sqlStrings());
    }

    @Test
    void jooqGeneratedTablesInTheSourceTree() throws IOException {
        write("src/main/java/db/tables/Users.java", """
                package db.tables;
                import org.jooq.*;
                import org.jooq.impl.*;
                public class Users extends TableImpl<UsersRecord> {
                    public static final Users USERS = new Users();
                    public final TableField<UsersRecord, Long> ID = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false), this, "");
                    public final TableField<UsersRecord, String> EMAIL = createField(DSL.name("email"), SQLDataType.VARCHAR(255), this, "");
                    private Users(Name alias, Table<UsersRecord> aliased) { this(alias, aliased, null); }
                    public Users() { this(DSL.name("users"), null); }
                }
                """);
        AppUses uses = read();
        assertEquals(Set.of("users.id", "users.email"), columns(uses, "users"));
        Use email = uses.ofColumn("users", "email").get(0);
        assertEquals(Use.JOOQ, email.kind());
        assertEquals(7, email.line());
    }

    @Test
    void multiModuleRootsAreDetectedAndKotlinIsCountedNotParsed() throws IOException {
        write("core/src/main/java/a/A.java", "package a; @jakarta.persistence.Entity class A { @jakarta.persistence.Id Long id; }");
        write("web/api/src/main/kotlin/a/B.kt", "class B");
        write("web/api/target/src/main/java/a/C.java", "class C {}");
        AppUses uses = read();
        assertEquals(2, uses.files());
        assertEquals(Set.of("a.id"), columns(uses, "a"));
    }

    @Test
    void unparsableJavaAndOversizedFilesAreListedNotFatal() throws IOException {
        write("src/main/java/a/Broken.java", "@Entity class Broken { void x( }");
        // a file that could not use the database is not parsed, so its syntax does not matter
        write("src/main/java/a/BrokenController.java", "class BrokenController { void x( }");
        write("src/main/java/a/Huge.java", "// " + "x".repeat((int) AppReader.MAX_FILE_BYTES));
        AppUses uses = read();
        assertEquals(2, uses.unresolved().size(), uses.unresolved()::toString);
        assertTrue(uses.unresolved().stream().anyMatch(u -> u.reason().startsWith("not parsed")));
        assertTrue(uses.unresolved().stream().anyMatch(u -> u.reason().startsWith("not read: larger")));
    }

    @Test
    void aLinkOutOfTheProjectIsRefused(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("Secret.java"), "class Secret {}");
        Files.createDirectories(dir.resolve("src/main/java"));
        Files.createSymbolicLink(dir.resolve("src/main/java/Secret.java"), outside.resolve("Secret.java"));
        BadInputException e = assertThrows(BadInputException.class, this::read);
        assertTrue(e.getMessage().contains("Secret.java"), e::getMessage);
    }

    private AppUses read() {
        return new AppReader(Dialect.POSTGRESQL).read(new DirectoryTree(dir, dir), "v1", ProjectConfig.App.NONE, Set.of());
    }

    private static Set<String> columns(AppUses uses, String table) {
        return uses.uses().stream().filter(u -> u.table().equals(table) && u.column() != null)
                .map(u -> u.table() + "." + u.column()).collect(Collectors.toCollection(TreeSet::new));
    }

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
