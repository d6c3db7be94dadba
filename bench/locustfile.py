# The seed article's Locust test (failure mode 4), as written there, for `npm run bench:load`:
# users that wait 0.1-0.5 s between requests, POST /predict with numeric features drawn from
# per-feature distributions, and fail a request over the 100 ms SLA or without a prediction.
# The seed leaves `feature_distributions` undefined; here it is one (0, 1) pair per input of the
# model, whose width the bench passes in REHEARSAL_BENCH_WIDTH.
import os
import random

from locust import HttpUser, between, task

WIDTH = int(os.environ.get("REHEARSAL_BENCH_WIDTH", "2"))


class ModelUser(HttpUser):
    wait_time = between(0.1, 0.5)
    feature_distributions = [(0.0, 1.0)] * WIDTH

    @task
    def predict(self):
        payload = self.generate_realistic_payload()
        with self.client.post("/predict", json=payload, catch_response=True) as response:
            if response.elapsed.total_seconds() > 0.1:  # 100ms SLA
                response.failure(f"Too slow: {response.elapsed.total_seconds():.3f}s")

            result = response.json()
            if "prediction" not in result:
                response.failure("Missing prediction in response")

    def generate_realistic_payload(self):
        # Use actual production data distributions, not random noise
        return {"features": [random.gauss(mu, sigma) for mu, sigma in self.feature_distributions]}
