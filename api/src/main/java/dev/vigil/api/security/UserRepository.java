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

    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("from UserAccount u where u.username = :username", UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
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
