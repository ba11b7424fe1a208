// Run once by the mongo image, before it turns authentication on, when its data directory is empty
// (/docker-entrypoint-initdb.d, with db the MONGO_INITDB_DATABASE): the app's own user, readWrite on
// the app's database only, plus collMod there (readWrite lacks it, and the activity log changes its
// TTL index with it when the retention changes). Its name and password come from the container's
// environment (MONGO_APP_USER, MONGO_APP_PASSWORD in .env), never from this file.
const database = db.getName();
db.createRole({
  role: 'skillhubCollMod',
  privileges: [{ resource: { db: database, collection: '' }, actions: ['collMod'] }],
  roles: [],
});
db.createUser({
  user: process.env.MONGO_APP_USER,
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: [
    { role: 'readWrite', db: database },
    { role: 'skillhubCollMod', db: database },
  ],
});
