"""Django's Redis cache backend, with one redis-py client per connection pool.

Django's backend builds a new `redis.Redis` for every cache call; building one fills its table
of ~170 reply parsers, which costs about as much as the round trip to Redis itself. The client
only wraps the connection pool (and is safe to share between threads), so it is built once per
pool here. Everything else is Django's. settings.py uses it whenever CACHE_URL names Redis.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
