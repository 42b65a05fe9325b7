package dev.vigil.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Loads and stores {@link UserAccount}s. */
@ApplicationScoped
public class UserRepository {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    /**
     * Runs for every request with a session cookie: one select that brings the roles along (not a second select for
     * the eager collection), read as a list (a result stream opens a scrollable cursor, several times the cost).
     */
    public Optional<UserAccount> findByUsername(String username) {
        List<UserAccount> found = em.createQuery("select distinct u from UserAccount u left join fetch u.roles "
                + "where u.username = :username", UserAccount.class)
                .setParameter("username", username)
                .getResultList();
        return found.stream().findFirst();
    }

    /**
     * The enabled user's display name and roles, or empty for an unknown or disabled user: one plain SQL select with
     * no JPA session and no JTA transaction, because it runs for every request with a session cookie and reads the
     * database as it is now (an administrator's change, from this process or the CLI, shows on the next request).
     */
    public Optional<UserService.Principal> findEnabledPrincipal(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select u.display_name, u.enabled, r.role "
                        + "from app_user u left join app_user_role r on r.user_id = u.id where u.username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                String displayName = null;
                boolean enabled = false;
                Set<String> roles = new TreeSet<>();
                while (rows.next()) {
                    displayName = rows.getString(1);
                    enabled = rows.getBoolean(2);
                    String role = rows.getString(3);
                    if (role != null) {
                        roles.add(role);
                    }
                }
                return displayName == null || !enabled ? Optional.empty()
                        : Optional.of(new UserService.Principal(username, displayName, Set.copyOf(roles)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read user '" + username + "' from the database", e);
        }
    }

    public List<UserAccount> listAll() {
        return em.createQuery("from UserAccount u order by u.username", UserAccount.class).getResultList();
    }

    public long countByRole(String role) {
        return em.createQuery("select count(u) from UserAccount u join u.roles r where r = :role and u.enabled = true",
                        Long.class)
                .setParameter("role", role)
                .getSingleResult();
    }

    public void persist(UserAccount user) {
        em.persist(user);
    }
}
