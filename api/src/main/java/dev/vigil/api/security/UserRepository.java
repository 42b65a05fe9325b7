package dev.vigil.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Loads and stores {@link UserAccount}s. */
@ApplicationScoped
public class UserRepository {

    @Inject
    EntityManager em;

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
