package dev.rlaif.reward.direct;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code judge_ratings} table: direct-RLAIF rewards by cache key. */
@Repository
public class JudgeRatingCache {

    private final JdbcClient jdbc;

    public JudgeRatingCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Double> find(Collection<String> keys) {
        Map<String, Double> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT cache_key, reward FROM judge_ratings WHERE cache_key IN (:keys)")
                .param("keys", keys)
                .query((rs, n) -> found.put(rs.getString("cache_key"), rs.getDouble("reward")))
                .list();
        return found;
    }

    public void save(String key, double reward, double expectedScore, String judgeModel) {
        jdbc.sql("""
                        INSERT INTO judge_ratings (cache_key, reward, expected_score, judge_model)
                        VALUES (:key, :reward, :expected, :model) ON CONFLICT (cache_key) DO NOTHING""")
                .param("key", key)
                .param("reward", reward)
                .param("expected", expectedScore)
                .param("model", judgeModel)
                .update();
    }
}
